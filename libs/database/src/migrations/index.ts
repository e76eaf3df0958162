// Every migration, in order. Listed explicitly (not globbed) so the compiled
// app and the tests load exactly the same set.
import { CreateUsers1764032400000 } from './1764032400000-create-users';

export const MIGRATIONS = [CreateUsers1764032400000];
