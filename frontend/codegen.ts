import type { CodegenConfig } from "@graphql-codegen/cli";

// Types come from the committed SDL, never from a running server (introspection is off in production).
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*", "!src/**/*.test.{ts,tsx}"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Plain strings instead of parsed ASTs: the browser never needs the graphql-js runtime.
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { Date: "string", DateTime: "string", JSON: "unknown" },
        skipTypename: true,
      },
    },
  },
};

export default config;
