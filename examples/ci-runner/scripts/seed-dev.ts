// Seeds a local database with one organisation, a project and a runner for development.
import { closePool, orgId, query } from '@ci/platform';
import { registerRunner } from '@ci/runner';

async function main(): Promise<void> {
  const org = orgId('org_devdevdevdev');
  await query("INSERT INTO organisations (id, name) VALUES ($1, 'Dev org') ON CONFLICT DO NOTHING", [org]);
  const { runnerId, token } = await registerRunner(org, 'dev-laptop', ['linux', 'docker']);
  console.log(`runner ${runnerId} registered; export CI_RUNNER_TOKEN=${token}`);
  await closePool();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
