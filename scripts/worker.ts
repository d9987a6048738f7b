// `npm run worker`: a standalone delivery worker. Run several of them, and web instances
// with HOOKRELAY_WORKER=false, against one PostgreSQL database to scale out. No database
// error ends it: the supervisor backs off, rebuilds its connections and resumes.
import { startSupervisedWorker } from "../lib/delivery/worker-runtime";
import { configOrExit, surviveDatabaseRejections } from "../lib/server/startup";

configOrExit();
surviveDatabaseRejections();
startSupervisedWorker({ kind: "standalone", exitOnSignal: true });
