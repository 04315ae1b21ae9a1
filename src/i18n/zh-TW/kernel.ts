/** zh-TW messages (Taiwan usage): syscall-error hints (src/kernel/). */
import type { kernel as english } from '../en/kernel.js';
import type { Translation } from '../translation.js';

export const kernel = {
  'kernel.call-failed': '{call} 失敗：{code}（{text}）',
  'kernel.hint.unshare.EINVAL':
    '核心不允許多執行緒的行程做這種命名空間變更（CLONE_NEWUSER 則一律不允許）：請改從一個全新、只做這件事的行程啟動。',
  'kernel.hint.unshare.ENOSPC':
    '已達每個使用者的命名空間數量上限：檢查 /proc/sys/user/max_*_namespaces，或執行 `container-lab cleanup` 清除殘留的容器。',
  'kernel.hint.unshare.ENOMEM': '這個 PID 命名空間的 init 已經結束，裡面再也無法啟動新行程：請重設本課（r）。',
  'kernel.hint.setns.EINVAL':
    '多執行緒的行程要用 setns 進入掛載命名空間，必須先執行 unshare(CLONE_FS)；而且 fd 必須是所給類型的命名空間檔案。',
  'kernel.hint.mount.ENODEV': '這個核心不認得該檔案系統類型：若是 overlay，請用 `modprobe overlay` 載入。',
  'kernel.hint.mount.EBUSY': '那裡已經掛載了東西，或仍在使用中：執行 `container-lab cleanup` 後再試一次。',
  'kernel.hint.mount.ENOENT': '掛載點或某個層目錄不存在：rootfs 快取可能已損壞；先執行 `container-lab cleanup`，再重新啟動即可重建。',
  'kernel.hint.mount.EINVAL':
    '核心拒絕了這些掛載選項：對 overlay 來說，upperdir 和 workdir 必須在同一個檔案系統上，且不能位於另一個 overlay 之上。',
  'kernel.hint.mount.ENOSPC': '掛載數量過多：檢查 /proc/sys/fs/mount-max，或執行 `container-lab cleanup`。',
  'kernel.hint.umount2.EBUSY': '仍有行程在使用這個掛載：請先停止容器，或用 MNT_DETACH 分離它。',
  'kernel.hint.umount2.EINVAL': '這個路徑不是掛載點（可能已經卸載了）。',
  'kernel.hint.pivot-root.EINVAL':
    'pivot_root 要求新的根是私有掛載命名空間中的一個掛載點：先把它綁定掛載到自身，並把 / 設為 MS_REC|MS_PRIVATE。',
  'kernel.hint.pivot-root.EBUSY': '新的根或 put_old 正忙：它可能已經是這個命名空間的根了。',
  'kernel.hint.chdir.ENOENT': '容器的根目錄裡沒有這個目錄。',
  'kernel.hint.capset.EPERM': '執行緒只能降低自己的能力；可繼承集裡的能力也只能在邊界集之內提升。',
  'kernel.hint.prctl.EINVAL': '這個核心不認得該能力編號或 prctl 選項。',
  'kernel.hint.execve.ENOENT': '容器的根檔案系統裡沒有這個程式（或它的 ELF 載入器）：用 `container-lab cleanup` 重建，然後重新啟動。',
  'kernel.hint.execve.EACCES': '該檔案不可執行，或它所在的檔案系統以 noexec 方式掛載。',
  'kernel.hint.any.EPERM': '這需要擁有全部能力的 root：請用 sudo 執行實驗，而且不要在已捨棄 CAP_SYS_ADMIN 的容器裡執行。',
  'kernel.hint.any.ENOSPC': '空間不足：檢查 `df -h /var/lib/container-lab`，以及 /proc/sys 中的核心限制。',
  'kernel.hint.any.EBUSY': '該資源仍在使用中：執行 `container-lab cleanup` 後再試一次。',
  'kernel.hint.man-page': '{errno} 在這裡代表什麼，請看 `man 2 {syscall}` 的 ERRORS 一節。',

  'kernel.run.failed': '`{command}` 失敗（{result}）：{error}',
  'kernel.run.timed-out': '執行 {seconds} 秒後仍未結束，實驗已將它終止',
  'kernel.run.no-stderr': '{name} 沒有在 stderr 上輸出任何內容',
  'kernel.run.not-installed': '{name} 沒有安裝（或不在 PATH 中）：`container-lab doctor` 會告訴你哪個套件提供它。',
  'kernel.run.busy': '主機可能非常忙碌：請再執行一次這一步。',
  'kernel.run.by-hand': '以 root 身分手動執行 `{command}`，可以看到完整的錯誤訊息。',
  'kernel.run.no-program': 'runHostProgram 需要一個要執行的程式。',
  'kernel.syscall-number.unknown-arch': 'container-lab 只知道 x86_64 與 aarch64 上 {name} 的系統呼叫號碼；這台機器是 {arch}。',

  'kernel.cgroup.write.cgroup.subtree_control.EBUSY':
    'cgroup v2 只允許從根控制組、或自身沒有行程的控制組向下分配控制器（「無內部行程」規則）。如果這裡是某個容器的控制組命名空間的根，請在主機上執行實驗。',
  'kernel.cgroup.write.cgroup.subtree_control.ENOENT':
    '這個控制組裡沒有該控制器：在混合模式的主機上，它已被某個 v1 階層占用，或核心命令列停用了它（cgroup_disable=…）。',
  'kernel.cgroup.write.cgroup.subtree_control.EINVAL':
    '核心拒絕啟用控制器：當有即時（SCHED_FIFO/SCHED_RR）行程在根控制組之外執行時，cpu 控制器會拒絕啟用。',
  'kernel.cgroup.write.cgroup.procs.ESRCH': '那個行程已經結束了。',
  'kernel.cgroup.write.cgroup.procs.EBUSY': '一旦為子控制組啟用了控制器，cgroup v2 就只允許把行程放進葉節點控制組（「無內部行程」規則）。',
  'kernel.cgroup.write.memory.limit_in_bytes.EBUSY': '這個控制組已經用掉的記憶體超過了新的限制，而核心無法回收：請先終止它的行程。',
  'kernel.cgroup.write.memory.limit_in_bytes.EINVAL':
    '在 cgroup v1 中，memory.limit_in_bytes 永遠不能超過 memory.memsw.limit_in_bytes：請先調高 memsw。',
  'kernel.cgroup.write.memory.memsw.limit_in_bytes.EINVAL':
    '在 cgroup v1 中，memory.memsw.limit_in_bytes 永遠不能低於 memory.limit_in_bytes：請先調低記憶體限制。',
  'kernel.cgroup.write.cpu.max.EINVAL': 'CPU 配額每個週期至少要 1000 µs（1 ms）：請至少申請 0.01 個 CPU。',
  'kernel.cgroup.write.cpu.cfs_quota_us.EINVAL': 'CPU 配額每個週期至少要 1000 µs（1 ms）：請至少申請 0.01 個 CPU。',
  'kernel.cgroup.mkdir.any.EEXIST': '同名的控制組是之前執行時留下的：執行 `container-lab cleanup`。',
  'kernel.cgroup.mkdir.any.EROFS': '/sys/fs/cgroup 以唯讀方式掛載（大多數容器內部都是如此）：請在主機上執行實驗。',
  'kernel.cgroup.rmdir.any.EBUSY': '這個控制組裡還有行程（或子控制組）：先終止它們，再刪除它。',
  'kernel.cgroup.any.any.EACCES': '修改控制組需要 root：請用 sudo 執行實驗。',
  'kernel.cgroup.any.any.EPERM': '修改控制組需要 root：請用 sudo 執行實驗。',
  'kernel.cgroup.write.any.ENOENT':
    '這個控制組沒有這個檔案：它的控制器在這裡沒有啟用（見父控制組的 cgroup.subtree_control），或這個核心太舊，還不支援它。',
  'kernel.cgroup.other': '核心回傳了 {code}：關於這個檔案，請參閱 Documentation/admin-guide/cgroup-v2.rst（或 cgroup-v1/）。',
} satisfies Translation<typeof english>;
