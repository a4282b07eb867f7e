// Before the unit tests: work out the holiday lists once, so parallel workers read them from the cache.
import { holidayModule } from '../lib/build/holiday-data';

export default function setup() {
  holidayModule();
}
