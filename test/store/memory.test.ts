import { createMemoryStore } from "../../src/store/index.js";
import { storeContract } from "./contract.js";

describe("memory store", () => storeContract(async () => createMemoryStore()));
