#!/bin/sh
# A new cluster is made once (password from POSTGRES_PASSWORD, init scripts run), then the
# server runs in the foreground as postgres, listening on every address.
set -eu
DATA=/var/lib/postgresql/data
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
mkdir -p "$DATA" /run/postgresql
chown postgres:postgres "$DATA" /run/postgresql
chmod 700 "$DATA"
if [ ! -s "$DATA/PG_VERSION" ]; then
    printf '%s\n' "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}" > /tmp/pwfile
    chown postgres /tmp/pwfile
    as_postgres initdb -D "$DATA" --username=postgres --pwfile=/tmp/pwfile \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f /tmp/pwfile
    echo "host all all all scram-sha-256" >> "$DATA/pg_hba.conf"
    as_postgres pg_ctl -D "$DATA" -o "-c listen_addresses=''" -w start >/dev/null
    for script in /docker-entrypoint-initdb.d/*.sql; do
        [ -e "$script" ] && as_postgres psql -q -v ON_ERROR_STOP=1 -U postgres -f "$script"
    done
    as_postgres pg_ctl -D "$DATA" -m fast -w stop >/dev/null
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups \
    postgres -D "$DATA" -c listen_addresses='*'
