// Runs the team-scale simulation and prints its table (about 10 minutes for 1, 50 and 200 reps):
//   npx vite-node -c test/bench/team-scale.vite.config.ts test/bench/team-scale.run.ts [reps...]
// The bench can call runTeamScale and teamScaleTable from team-scale.sim.ts the same way.
import { runTeamScale, teamScaleTable } from './team-scale.sim';

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const started = Date.now();
const rows = await runTeamScale(sizes.length > 0 ? sizes : undefined);
console.log(teamScaleTable(rows));
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s of real time)`);
