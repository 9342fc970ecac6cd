export const commandHelp: Record<string, string> = {
  serve:
    'common-ground serve\n  Starts the service (what `npm start` runs). Loads the demo into an empty embedded database.',
  migrate: 'common-ground migrate\n  Applies any database migrations that have not run yet.',
  'seed-demo':
    'common-ground seed-demo\n  Loads the demo partnerships (two fictional, and Trafford from real public data) into an empty database and prints the sign-in details once.',
  'create-partnership':
    'common-ground create-partnership --slug S --name N --la CODE\n  CODE is the council’s local authority code, like E08000009.',
  'create-user':
    'common-ground create-user --email E --role R [--partnership S] [--name N]\n  R is partnership-admin, council-member, vcs-member, viewer or national-admin.\n  --partnership is required except for national-admin. Prints a one-time link to choose a password.',
  backup:
    'common-ground backup FILE\n  Writes a consistent copy of all data to FILE (JSON), restorable on either database.',
  restore: 'common-ground restore FILE\n  Loads a backup into an empty database.',
  import:
    'common-ground import KIND FILE-or-URL [--partnership S] [--yes] [--json]\n  Without --yes it prints a preview and writes nothing.\n  Kind options: --level, --code-field, --name-field, --value-field, --theme, --name, --unit, --source,\n  --edition, --date, --mapping, --organisation, --organisation-kind, --outside-area keep|skip\n  (each kind says which it reads).',
  export:
    'common-ground export KIND --partnership S\n  Writes the data to standard output; messages go to standard error.',
  match:
    'common-ground match --partnership S [--themes a,b] [--max-km N] [--json]\n  Runs and saves an allocation of the needs register to services (every theme with needs when --themes is\n  not given; each need within the partnership’s reach rule for its\n  area when --max-km is not given) and prints the totals, unmet need by theme and the busiest services.',
  'who-can-help':
    'common-ground who-can-help --partnership S (--need ID | --area CODE --theme T | --postcode P --theme T)\n    [--age N] [--language L] [--max-km N] [--json]\n  Ranks the services for one need, with the reasons for each and for those left out.',
  'classify-organisations':
    'common-ground classify-organisations --partnership S [--json]\n  Suggests themes for every organisation again from its own words (imports do this too), keeping the\n  themes members confirmed or set aside, and prints how many organisations have a theme.',
  'run-jobs':
    'common-ground run-jobs [--json]\n  Sends the reminder emails that are due (each only once, however often it runs), applies each\n  partnership’s retention setting and delivers queued email when SMTP or GOV.UK Notify is configured. For cron or another scheduler; `serve` also runs it every JOBS_INTERVAL_MINUTES.',
  'apply-retention':
    'common-ground apply-retention [--date YYYY-MM-DD] [--json]\n  Deletes individual answers, invitation email addresses and old copies of emails that each partnership’s\n  retention setting says are due, keeping every round’s results. Safe to run every night; prints counts.',
};

export const usage = [
  'Usage: common-ground <command> [options]',
  '',
  'Commands:',
  ...Object.values(commandHelp).map((text) => `  ${text.split('\n')[0]}`),
  '',
  'Settings come from environment variables: see .env.example (DATA_DIR and DATABASE_URL choose the database).',
].join('\n');
