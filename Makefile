# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck schema services fonts clean

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
		{ echo "install a Chinese font (fonts-wqy-microhei or fonts-noto-cjk) or set CANYU_STATEMENT_FONT_PATH"; exit 1; }

# Embedded default: SQLite under ./data, jobs in-process, demo data loaded.
run: $(BIN)/canyu fonts
	$(BIN)/canyu demo
	$(BIN)/canyu serve

lint: $(BIN)/canyu
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/canyu
	$(BIN)/mypy api consultations hearings

# The whole suite, twice: SQLite with in-process jobs, then PostgreSQL with an arq worker on Redis.
test: lint typecheck fonts
	CANYU_TEST_DATABASE=sqlite $(BIN)/pytest -q
	CANYU_TEST_DATABASE=postgresql $(BIN)/pytest -q

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
