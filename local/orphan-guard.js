// Watches one child of the local stack from outside: when the parent dies without cleaning up
// (SIGKILL, a crash of the test runner), the pipe on our stdin closes and we kill the child, so no
// Java or SES process outlives `npm start` or a test run. Plain JS: it runs without tsx.
import process from 'node:process';
import { setInterval } from 'node:timers';

const pid = Number(process.argv[2]);

const killChildAndExit = () => {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  process.exit(0);
};

// Ctrl-C reaches the whole process group; the guard must outlive the parent's own shutdown.
process.on('SIGINT', () => {});
process.stdin.on('end', killChildAndExit);
process.stdin.on('close', killChildAndExit);
process.stdin.on('error', killChildAndExit);
process.stdin.resume();

// The child ended on its own: nothing left to guard (and its pid may be reused later).
setInterval(() => {
  try {
    process.kill(pid, 0);
  } catch {
    process.exit(0);
  }
}, 1000).unref();
