"""The only code that speaks SQL: schema, migrations, queries, integrity checks."""
