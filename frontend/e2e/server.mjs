// Start a real canyu server on a temporary database for the browser tests and the screenshots:
// `canyu demo` then `canyu serve` on a free port, with its log kept (verification codes appear there
// in the embedded mode).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const frontendDir = resolve(here, "..");
export const repoDir = resolve(frontendDir, "..");
const venvBin = process.env.CANYU_VENV_BIN ?? join(repoDir, ".venv", "bin");

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

function stop(child) {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}

function spawnServer(command, args, env, logPath) {
  const log = createWriteStream(logPath, { flags: "a" });
  const child = spawn(command, args, { env, cwd: repoDir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

/** Start the server; returns { baseURL, logPath, stop() }. */
export async function startServer({ quiet = false } = {}) {
  if (!existsSync(join(frontendDir, "dist", "index.html"))) {
    throw new Error("frontend/dist is missing: run `npm run build` (or `make frontend`) first");
  }
  const canyu = join(venvBin, "canyu");
  if (!existsSync(canyu)) throw new Error(`${canyu} is missing: run \`make run\` once to set up .venv`);
  const dataDir = mkdtempSync(join(tmpdir(), "canyu-e2e-"));
  const logPath = join(dataDir, "server.log");
  const port = await freePort();
  const env = {
    ...process.env,
    CANYU_DATA_DIR: dataDir,
    CANYU_PORT: String(port),
    CANYU_HOST: "127.0.0.1",
    CANYU_ENV: "development",
    CANYU_REDIS_URL: "",
    CANYU_DATABASE_URL: "",
  };
  delete env.CANYU_REDIS_URL;
  delete env.CANYU_DATABASE_URL;

  const demo = spawnSync(canyu, ["demo"], { env, cwd: repoDir, encoding: "utf8" });
  if (demo.status !== 0) throw new Error(`canyu demo failed:\n${demo.stdout}\n${demo.stderr}`);

  const baseURL = `http://127.0.0.1:${port}`;
  let child = spawnServer(canyu, ["serve"], env, logPath);
  await waitFor(`${baseURL}/healthz`, child, 60_000);
  let servedBy = "canyu serve";
  const home = await fetch(`${baseURL}/`).then((r) => (r.ok ? r.text() : ""));
  if (!home.includes('id="root"')) {
    // api/app.py does not mount the web app yet: the same app, plus mount_frontend.
    await stop(child);
    child = spawnServer(join(venvBin, "python"), [join(here, "serve_with_frontend.py")], env, logPath);
    await waitFor(`${baseURL}/healthz`, child, 60_000);
    servedBy = "e2e/serve_with_frontend.py (api/app.py does not call mount_frontend yet)";
  }
  if (!quiet) console.log(`canyu on ${baseURL}, served by ${servedBy}; data and log in ${dataDir}`);

  return {
    baseURL,
    logPath,
    dataDir,
    servedBy,
    log: () => (existsSync(logPath) ? readFileSync(logPath, "utf8") : ""),
    async stop() {
      await stop(child);
      if (!process.env.CANYU_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The newest verification code the outbox logged for a contact (embedded mode logs messages). */
export async function verificationCode(logPath, contact, { timeoutMs = 20_000, after = 0 } = {}) {
  const escaped = contact.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // "[outbox] sms to 13800002001: 参与平台验证码 | 您的验证码是 437796，15 分钟内有效。…"
  const pattern = new RegExp(`to ${escaped}: [^\\n]*验证码[^\\n]*?(\\d{6})`, "g");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = existsSync(logPath) ? readFileSync(logPath, "utf8").slice(after) : "";
    const found = [...text.matchAll(pattern)];
    if (found.length > 0) return found[found.length - 1][1];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no verification code for ${contact} in the server log within ${timeoutMs / 1000} s`);
}

/** Debian's chromium, driven by playwright-core; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const CONTEXT_OPTIONS = { locale: "zh-CN", timezoneId: "Asia/Shanghai" };
