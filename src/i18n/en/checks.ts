/** English messages: check verdicts of your-turn steps (src/lessons/checks/). Keys start with `checks.`; see src/i18n/README.md. */
export const checks = {
  // host-pid-of-container-process
  'checks.host-pid.prompt': 'host PID',
  'checks.host-pid.not-running': 'The container is not running: press r to reset the lesson, then start your process again.',
  'checks.host-pid.not-a-pid': '"{answer}" is not a PID: type a whole number, such as the one you found on the host.',
  'checks.host-pid.pid-1': "{pid} is the container's PID 1 (the shell that started with it). Find the process you started yourself.",
  'checks.host-pid.no-process': 'No process {pid} exists on the host. Is your process still running? Look again on the host side.',
  'checks.host-pid.outside':
    "Host PID {pid} is a host process outside the container: its PID namespace is {theirs}, the container's is {container}.{small, select, yes { A number this small is probably the PID inside the container: the host numbers the same process differently.} other {}}",
  'checks.host-pid.init-started':
    "Host PID {pid} (`{command}`) is in the container, but its PID 1 started it: it is in PID 1's session (NSsid: {nssid}, 1 inside). Start your own in the shell (s), `sleep 600 &`, and find that one.",
  'checks.host-pid.unknown': 'unknown',
  'checks.host-pid.right':
    'Right: host PID {pid} is PID {inside} inside the container (NSpid: {nspid}). One process, one PID per namespace it is in.',
  'checks.host-pid.answer-not-running': 'the container is not running yet, so there is no answer to give',
  'checks.host-pid.answer-none':
    'no process you started runs in the container yet (PID 1 and what it started do not count): start one first, then ask again',
  'checks.host-pid.answer': 'host PID {pid} (`{command}`, PID {inside} inside)',

  // raised-memory-limit
  'checks.memory.prompt': 'new memory limit',
  'checks.memory.not-running': 'The container is not running: press r to reset the lesson, then run the memory steps again.',
  'checks.memory.not-a-limit': '"{answer}" is not a limit: type the number of bytes now in {file} (or with a unit, like 96M).',
  'checks.memory.no-limit': '{file} says there is no limit at all. Write a limit into it (a little above {mib} MiB), then type it.',
  'checks.memory.other-limit':
    '{file} says {bytes} ({size}), not {typed}: write your new limit into that file first, then type what it says.',
  'checks.memory.too-low': '{size} is still below the {mib} MiB the allocator holds: it would be killed again. Raise it further.',
  'checks.memory.kills': '{label} {before} → {after}',
  'checks.memory.no-kill': 'no OOM kill',
  'checks.memory.peak': '; {label} says {size}',
  'checks.memory.right':
    'Right: under {size} the allocator held its {mib} MiB and exited 0 ({kills}{peak}). The limit is a number in a file; raise it and the kernel lets the cgroup grow.',
  'checks.memory.still-killed':
    'At {size} the allocator ended with {exit}{kills, select, none {} other { ({kills})}}: the shell, head and tail need a few MiB besides the {mib} MiB. Give it more room.',
  'checks.memory.answer-not-running': 'the container is not running yet, so there is no file to name',
  'checks.memory.answer': '`{commands}` from a root shell on the host, then type {limit}',

  // whiteout-in-upper
  'checks.whiteout.prompt': 'inode number of the whiteout',
  'checks.whiteout.not-mounted': 'The overlay {overlay} is not mounted: press r to reset the lesson.',
  'checks.whiteout.still-merged': '{path} is still in the merged view. Delete it through {merged} first, then look in upper.',
  'checks.whiteout.none': '{path} is gone from merged, but upper holds no whiteout for it; was it a file only upper had?',
  'checks.whiteout.wrong':
    '{answer, select, none {That} other {{answer}}} is not its inode. The whiteout has the same name as the deleted file, in the same directory under upper ({upper}); `ls -li` prints the inode first.',
  'checks.whiteout.right':
    "Right: {whiteout} is inode {ino}, a character device 0:0 — overlay's whiteout. The lower file is still there; this hides it.{shared, select, none {} other { It has {links} links: this kernel reuses one whiteout inode, also at {shared}.}}",
  'checks.whiteout.answer-not-mounted': 'the overlay is not mounted yet',
  'checks.whiteout.answer': '{ino}, the inode of {whiteout} (a character device 0:0)',
  'checks.whiteout.answer-not-yet': 'the inode of {path}, once you have deleted {file} through merged',
} as const;
