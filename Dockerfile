FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# The adoption statement's PDF embeds this Chinese font; `canyu backup` runs pg_dump (PostgreSQL 15, as
# in docker-compose.yml: pg_dump must match the server's major version).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei postgresql-client \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY api api
COPY consultations consultations
COPY hearings hearings
# /app/data holds the shared metrics folder of the uvicorn workers (and the database only when embedded).
RUN pip install --no-cache-dir . && useradd --create-home canyu && mkdir -p /app/data && chown canyu /app/data
USER canyu
EXPOSE 8000
CMD ["canyu", "serve", "--host", "0.0.0.0"]
