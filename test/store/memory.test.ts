import { createMemoryStore } from "../../src/store/index.js";
import { storeContract } from "./contract.js";
import { storiesContract } from "./stories-contract.js";

describe("memory store", () => storeContract(async () => createMemoryStore()));
describe("memory store: stories", () => storiesContract(async () => createMemoryStore()));
