import { createProjectGraphAsync } from "@nx/devkit";
import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Lints source text as if it were a file of a domain library (tools/boundaries/fixture-domain,
 * tagged scope:fixture + type:domain) through the workspace's real ESLint config.
 */
const workspaceRoot = path.resolve(__dirname, "../../../..");
const domainFile = path.join(
  workspaceRoot,
  "tools/boundaries/fixture-domain/src/probe.ts",
);

// ESLint runs as its own process, as `nx lint` runs it (its flat config is an ES module, which
// Jest's VM cannot load).
async function boundaryErrors(source: string): Promise<string[]> {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [
        path.join(workspaceRoot, "node_modules/eslint/bin/eslint.js"),
        "--stdin",
        "--stdin-filename",
        domainFile,
        "--format",
        "json",
      ],
      { cwd: workspaceRoot, input: source, encoding: "utf8" },
    );
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit code 1 = lint errors found
  }
  const [result] = JSON.parse(output) as {
    messages: { ruleId: string; message: string }[];
  }[];
  return result.messages
    .filter((m) => m.ruleId === "@nx/enforce-module-boundaries")
    .map((m) => m.message);
}

describe("module boundaries", () => {
  beforeAll(async () => {
    // The Nx rule reads the cached project graph; make sure it exists and is current.
    await createProjectGraphAsync({ exitOnError: false });
  });

  it.each(["@nestjs/common", "typeorm", "nats", "@eventstore/db-client", "pg"])(
    "fails lint when a domain library imports %s",
    async (banned) => {
      const errors = await boundaryErrors(
        `import * as banned from '${banned}';\nexport const x = banned;\n`,
      );
      expect(errors).toEqual([
        expect.stringContaining(`is not allowed to import "${banned}"`),
      ]);
    },
  );

  it("fails lint when a domain library imports an infrastructure library", async () => {
    const errors = await boundaryErrors(
      `import * as es from '@switchboard/event-sourcing';\nexport const x = es;\n`,
    );
    expect(errors).toEqual([
      expect.stringContaining(
        'can only depend on libs tagged with "type:domain", "type:util"',
      ),
    ]);
  });

  it("lets a domain library import the pure decider types", async () => {
    const errors = await boundaryErrors(
      `import type { Decider } from '@switchboard/decider';\nexport type D = Decider<unknown, never, never>;\n`,
    );
    expect(errors).toEqual([]);
  });
});
