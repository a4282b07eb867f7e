// For running the team-scale simulation outside vitest: `npx vite-node -c test/bench/team-scale.vite.config.ts test/bench/team-scale.run.ts`.
// The SLA clock's holiday tables come from a virtual module this plugin serves.
import { defineConfig } from 'vite';
import { holidayData } from '../../lib/build/holiday-data';

export default defineConfig({ plugins: [holidayData()] });
