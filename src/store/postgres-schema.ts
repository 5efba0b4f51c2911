// PostgreSQL schema, versioned in <schema>.briefbot_meta. Append a migration; never edit a shipped one.
import type { PoolClient } from "pg";
import { StoreError } from "./errors.js";
import { personIndexSql } from "./people-postgres.js";

export const POSTGRES_MIGRATIONS: ReadonlyArray<(s: string) => string> = [
  (s) => `
    CREATE TABLE ${s}.articles (
      seq serial PRIMARY KEY,
      id text NOT NULL UNIQUE,
      url text UNIQUE,
      text_hash text NOT NULL,
      title text NOT NULL,
      publisher text,
      published_at text,
      sort_time double precision NOT NULL,
      ingested_at double precision NOT NULL,
      card jsonb NOT NULL,
      body_tsv tsvector NOT NULL
    );
    CREATE INDEX ON ${s}.articles (text_hash);
    CREATE INDEX ON ${s}.articles (ingested_at DESC);
    CREATE INDEX ON ${s}.articles USING gin (body_tsv);
    CREATE TABLE ${s}.topics (
      topic text NOT NULL,
      seq integer NOT NULL,
      sort_time double precision NOT NULL,
      PRIMARY KEY (topic, seq)
    );
    CREATE INDEX ON ${s}.topics (topic, sort_time DESC);
    CREATE INDEX ON ${s}.topics (seq);
    CREATE TABLE ${s}.topic_counts (topic text PRIMARY KEY, n integer NOT NULL);
    CREATE INDEX ON ${s}.topic_counts (n DESC);
    CREATE TABLE ${s}.quotes (qid serial PRIMARY KEY, seq integer NOT NULL, quote jsonb NOT NULL, body_tsv tsvector NOT NULL);
    CREATE INDEX ON ${s}.quotes (seq);
    CREATE INDEX ON ${s}.quotes USING gin (body_tsv);
    CREATE TABLE ${s}.figures (fid serial PRIMARY KEY, seq integer NOT NULL, figure jsonb NOT NULL, body_tsv tsvector NOT NULL);
    CREATE INDEX ON ${s}.figures (seq);
    CREATE INDEX ON ${s}.figures USING gin (body_tsv);`,
  // Settings made from chat and the CLI (settings.ts): destinations, feeds, audit log, version.
  (s) => `
    CREATE TABLE ${s}.settings_destinations (
      id text PRIMARY KEY, platform text NOT NULL, channel text NOT NULL, spec jsonb NOT NULL,
      updated_by text NOT NULL, updated_at bigint NOT NULL
    );
    CREATE TABLE ${s}.settings_feeds (
      id text PRIMARY KEY, url text NOT NULL UNIQUE, topics jsonb NOT NULL, title text,
      added_by text NOT NULL, added_at bigint NOT NULL
    );
    CREATE TABLE ${s}.settings_audit (
      seq bigserial PRIMARY KEY, at bigint NOT NULL, actor text NOT NULL, surface text NOT NULL, place text NOT NULL,
      action text NOT NULL, target text NOT NULL, detail jsonb NOT NULL
    );
    CREATE INDEX ON ${s}.settings_audit (place, seq DESC);
    CREATE INDEX ON ${s}.settings_audit (target, seq DESC);
    CREATE TABLE ${s}.settings_version (one integer PRIMARY KEY CHECK (one = 1), version bigint NOT NULL);
    INSERT INTO ${s}.settings_version VALUES (1, 0);`,
  // The person index (people-postgres.ts); articles stored before it are indexed once on open.
  personIndexSql,
  // Stories (issue 14): each article in exactly one; story_keys finds candidates by look-up.
  (s) => `
    CREATE TABLE ${s}.stories (
      sid serial PRIMARY KEY,
      id text NOT NULL UNIQUE,
      title text NOT NULL,
      best text NOT NULL,
      best_score double precision NOT NULL,
      first_time double precision NOT NULL,
      last_time double precision NOT NULL,
      updated_at double precision NOT NULL,
      size integer NOT NULL,
      info jsonb NOT NULL
    );
    CREATE INDEX ON ${s}.stories (last_time DESC);
    CREATE TABLE ${s}.story_articles (seq integer PRIMARY KEY, sid integer NOT NULL, time double precision NOT NULL, features jsonb NOT NULL);
    CREATE INDEX ON ${s}.story_articles (sid, time DESC);
    CREATE TABLE ${s}.story_keys (key text NOT NULL, time double precision NOT NULL, sid integer NOT NULL, PRIMARY KEY (key, time, sid));`,
  // A person's articles newest first, with what counts need (people-postgres.ts): the heap is not
  // ordered by person, so a person in 3,000 articles read 2,600 heap pages per page of 20.
  (s) => `CREATE INDEX person_articles_recent ON ${s}.person_articles (pid, sort_time DESC, seq DESC) INCLUDE (nq, role);`,
  // A story's flags as rows appended when an article joins (a join no longer rewrites them all), each
  // placed by its older article's (time, seq): shown while that article is among the newest 50. Each
  // member's claim keys (claimKeys), so that a joining article is compared only with the members
  // sharing one. What scoring reads of a story's newest members in its row (`recent`, text: read back
  // as written, so a parse is cached by its text), so that the decision is one round trip. All filled
  // from what older schemas hold. A story's members newest first in an index (the 50th newest bounds
  // the flags shown), without a sort of the story's members.
  (s) => `
    DROP INDEX IF EXISTS ${s}.story_articles_sid_time_idx;
    CREATE INDEX story_articles_newest ON ${s}.story_articles (sid, time DESC, seq DESC);
    CREATE TABLE ${s}.story_flags (n bigserial PRIMARY KEY, sid integer NOT NULL, otime double precision NOT NULL, oseq integer NOT NULL, flag text NOT NULL);
    CREATE INDEX ON ${s}.story_flags (sid, otime);
    INSERT INTO ${s}.story_flags (sid, otime, oseq, flag)
      SELECT st.sid,
        CASE WHEN ma.time < mb.time OR (ma.time = mb.time AND ma.seq < mb.seq) THEN ma.time ELSE mb.time END,
        CASE WHEN ma.time < mb.time OR (ma.time = mb.time AND ma.seq < mb.seq) THEN ma.seq ELSE mb.seq END,
        f.value::text
      FROM ${s}.stories st CROSS JOIN LATERAL jsonb_array_elements(coalesce(st.info->'flags', '[]'::jsonb)) WITH ORDINALITY AS f(value, o)
        JOIN ${s}.articles a ON a.id = f.value->'articles'->>0 JOIN ${s}.story_articles ma ON ma.seq = a.seq AND ma.sid = st.sid
        JOIN ${s}.articles b ON b.id = f.value->'articles'->>1 JOIN ${s}.story_articles mb ON mb.seq = b.seq AND mb.sid = st.sid
      ORDER BY st.sid, f.o;
    UPDATE ${s}.stories SET info = info - 'flags' WHERE info ? 'flags';
    CREATE TABLE ${s}.story_claims (sid integer NOT NULL, key text NOT NULL, time double precision NOT NULL, seq integer NOT NULL, PRIMARY KEY (sid, key, time, seq));
    INSERT INTO ${s}.story_claims (sid, key, time, seq)
      SELECT m.sid, 'f:' || (x->>'kind') || '|' || (x->>'thing'), m.time, m.seq FROM ${s}.story_articles m CROSS JOIN LATERAL jsonb_array_elements(m.features->'figures') x
      ON CONFLICT DO NOTHING;
    INSERT INTO ${s}.story_claims (sid, key, time, seq)
      SELECT m.sid, 'q', m.time, m.seq FROM ${s}.story_articles m WHERE jsonb_path_exists(m.features, '$.quotes[*].speaker')
      ON CONFLICT DO NOTHING;
    ALTER TABLE ${s}.stories ADD COLUMN recent text NOT NULL DEFAULT '[]';
    UPDATE ${s}.stories st SET recent = coalesce((SELECT json_agg(json_build_object(
        'words', x.features->'words', 'people', x.features->'people', 'places', x.features->'places',
        'quotes', (SELECT coalesce(json_agg(json_build_object('words', q.v->>'words') ORDER BY q.o), '[]') FROM jsonb_array_elements(x.features->'quotes') WITH ORDINALITY AS q(v, o)),
        'figures', (SELECT coalesce(json_agg(json_build_object('kind', f.v->>'kind', 'thing', f.v->>'thing', 'value', f.v->'value') ORDER BY f.o), '[]')
                    FROM jsonb_array_elements(x.features->'figures') WITH ORDINALITY AS f(v, o)),
        'time', x.features->'time') ORDER BY x.time DESC, x.seq DESC)::text
      FROM (SELECT features, time, seq FROM ${s}.story_articles m WHERE m.sid = st.sid ORDER BY time DESC, seq DESC LIMIT 12) x), '[]');`,
  // The version of each story's `recent` (revOf: the first 16 hex digits of its MD5), so that a
  // process keeping it parsed reads the version for each decision and `recent` only when it holds another.
  (s) => `
    ALTER TABLE ${s}.stories ADD COLUMN rev text NOT NULL DEFAULT '';
    UPDATE ${s}.stories SET rev = left(md5(recent), 16);`,
  // What flags read of each member (flagFeatures: figures and the quotes given to a person) in its own
  // column, as SQLite keeps it: a join built it out of each sharing member's whole features (a jsonb
  // detoasted and taken apart per member). NULL in a row a briefbot from before this version wrote
  // (replicas upgraded one by one): read from the features then. And lz4 for what a join writes and
  // reads (a story's `recent`, tens of KB, rewritten by each join; each member's features), where the
  // server has it: pglz took most of the rewrite's time.
  (s) => `
    ALTER TABLE ${s}.story_articles ADD COLUMN flag_features text;
    UPDATE ${s}.story_articles SET flag_features = ${flagFeaturesOf("features", "time")};
    DO $$ BEGIN
      EXECUTE 'ALTER TABLE ${s}.stories ALTER COLUMN recent SET COMPRESSION lz4';
      EXECUTE 'ALTER TABLE ${s}.story_articles ALTER COLUMN features SET COMPRESSION lz4, ALTER COLUMN flag_features SET COMPRESSION lz4';
    EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN NULL;
    END $$;`,
  // The members whose flags with the others are not yet written: a join leaves them to the story's next
  // read (stories-postgres.ts, settle). A table of its own: marking a member's wide row done rewrote it.
  (s) => `
    CREATE TABLE ${s}.story_pending (sid integer NOT NULL, seq integer NOT NULL, PRIMARY KEY (sid, seq));`,
];

/**
 * flagFeatures (stories.ts) of a member as text, from its features (jsonb) and time: what a join reads
 * of a member whose row has no flag_features (written before they were kept).
 */
export function flagFeaturesOf(features: string, time: string): string {
  return `jsonb_build_object('id', ${features}->'id', 'time', ${time}, 'publisher', ${features}->'publisher', 'figures', ${features}->'figures',
    'quotes', coalesce((SELECT jsonb_agg(q.v ORDER BY q.o) FROM jsonb_array_elements(${features}->'quotes') WITH ORDINALITY AS q(v, o) WHERE q.v ? 'speaker'), '[]'::jsonb))::text`;
}

/** Brings the schema to the latest version under an advisory lock (replicas may start together). */
export async function migratePostgres(client: PoolClient, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`briefbot:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.briefbot_meta (key text PRIMARY KEY, value text NOT NULL)`);
    const r = await client.query<{ value: string }>(`SELECT value FROM ${s}.briefbot_meta WHERE key = 'schema_version'`);
    const version = Number(r.rows[0]?.value ?? 0);
    const latest = POSTGRES_MIGRATIONS.length;
    if (version > latest) {
      throw new StoreError(
        "newer_schema",
        `PostgreSQL schema "${schema}" has schema version ${version}, but this briefbot knows versions up to ${latest}: ` +
          `it was written by a newer briefbot. Upgrade briefbot, or use another schema or database.`,
      );
    }
    for (let v = version; v < latest; v++) await client.query(POSTGRES_MIGRATIONS[v]!(s));
    await client.query(
      `INSERT INTO ${s}.briefbot_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(Math.max(version, latest))],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}
