# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck schema services fonts clean faults frontend frontend-test

$(BIN)/canyu: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/canyu

# The adoption statement's PDF embeds a Chinese font; Debian and Ubuntu package one as fonts-wqy-microhei.
fonts: $(BIN)/canyu
	@$(BIN)/python -c "from consultations.statement.render_pdf import resolve_font; resolve_font()" 2>/dev/null || \
		{ command -v apt-get >/dev/null && SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo) && \
		  { $$SUDO apt-get update -qq; $$SUDO apt-get install -y -qq --no-install-recommends fonts-wqy-microhei; } >/dev/null; } || \
		{ echo "install a TrueType Chinese font (fonts-wqy-microhei) or set CANYU_STATEMENT_FONT_PATH"; exit 1; }

# Embedded default: SQLite under ./data, jobs in-process, demo data loaded, the web app built and served at /.
run: $(BIN)/canyu fonts frontend
	$(BIN)/canyu demo
	$(BIN)/canyu serve

lint: $(BIN)/canyu
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/canyu
	$(BIN)/mypy api consultations hearings

# Everything: the backend suite twice (SQLite with in-process jobs, then PostgreSQL with an arq worker on
# Redis), the fault-injection tests, and the web app's tests (Vitest and the browser journeys).
test: lint typecheck fonts
	CANYU_TEST_DATABASE=sqlite $(BIN)/pytest -q
	CANYU_TEST_DATABASE=postgresql $(BIN)/pytest -q
	$(MAKE) faults
	$(MAKE) frontend-test

# Regenerate the committed GraphQL SDL after changing the schema (a test fails when it drifts).
schema: $(BIN)/canyu
	$(BIN)/python -c "from api.schema import schema; print(schema.as_str())" > schema.graphql

# Start local PostgreSQL and Redis if they are stopped (CI does this too).
services:
	pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || \
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

# Fault-injection tests (issue 6): kill an API worker, stop Redis, kill the job worker mid-run, restart
# PostgreSQL, all under load, on private PostgreSQL and Redis servers they start and remove (never the
# shared ones). Needs root (initdb runs as the postgres user), PostgreSQL 15's binaries and redis-server.
faults: $(BIN)/canyu fonts
	CANYU_FAULT_TESTS=1 $(BIN)/pytest -q -s -rsxX tests/faults

# The web app: `npm ci` (exactly package-lock.json) and a production build into frontend/dist, which
# `canyu serve` then serves at / beside /graphql. Needs Node.js 20.19 or later.
frontend:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || \
		{ echo "make frontend needs Node.js 20.19+ and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || \
		{ echo "make frontend needs Node.js 20.19 or later (found $$(node -v))"; exit 1; }
	cd frontend && npm ci --no-audit --no-fund
	cd frontend && npm run build

# The web app's tests: Vitest for components and logic, then the browser journeys (Debian's chromium,
# installed with a Chinese font when missing) against a real `canyu serve` on a temporary database
# (whose demo renders statement PDFs, hence `fonts`).
frontend-test: $(BIN)/canyu fonts frontend
	cd frontend && npm run lint && npm test
	frontend/scripts/ensure-browser.sh
	cd frontend && npm run test:e2e
