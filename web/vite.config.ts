/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// The app is plain TypeScript + Preact; Vite's own transform handles the JSX (see tsconfig).
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
