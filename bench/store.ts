export async function storeBench(_args: string[]): Promise<void> {}
