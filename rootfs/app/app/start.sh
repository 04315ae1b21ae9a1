#!/bin/sh
# The demo app's entry point: prints its settings and waits, like a long-running service.
echo "app starting as $(id -un) on $(hostname)"
cat /app/config/settings.conf /app/config/conf.d/*.conf
exec sleep 1000000
