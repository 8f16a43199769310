FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# The adoption statement's PDF embeds this Chinese font.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY api api
COPY consultations consultations
COPY hearings hearings
RUN pip install --no-cache-dir . && useradd --create-home canyu
USER canyu
EXPOSE 8000
CMD ["canyu", "serve", "--host", "0.0.0.0"]
