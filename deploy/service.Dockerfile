# One image per service, built from the repository root so libs/ is in the context:
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=orders -t cobalt/orders .
# SERVICE is the folder under services/ (orders, payables, coa, qbwc-gateway, reporting).

FROM python:3.11-slim AS build
ARG SERVICE
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN pip install --no-cache-dir uv==0.13.8
COPY pyproject.toml uv.lock ./
COPY libs ./libs
COPY services ./services
# Only this service and what it needs, from the lock file, installed as real (non-editable) copies.
RUN uv sync --frozen --no-dev --no-editable --package "cobalt-${SERVICE}"

FROM python:3.11-slim
ARG SERVICE
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin cobalt
COPY --from=build /src/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    COBALT_SERVICE_MODULE=cobalt_${SERVICE}
USER 10001
WORKDIR /tmp
# `api` serves HTTP on ${PREFIX}HTTP_PORT, `worker` serves health on ${PREFIX}WORKER_PORT.
ENTRYPOINT ["/bin/sh", "-c", "exec python -m \"$(echo \"$COBALT_SERVICE_MODULE\" | tr - _)\" \"$@\"", "--"]
CMD ["api"]
