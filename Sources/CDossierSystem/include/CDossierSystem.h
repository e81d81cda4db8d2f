#ifndef DOSSIER_CDOSSIERSYSTEM_H
#define DOSSIER_CDOSSIERSYSTEM_H

/// Atomically exchanges two paths on the same file system (Linux renameat2
/// with RENAME_EXCHANGE). Returns 0, or -1 with errno set (ENOSYS or EINVAL
/// where the kernel or file system cannot do it).
int dossier_exchange_paths(const char *first, const char *second);

/// Takes an exclusive, non-blocking lock on an open file. Returns 0, or -1
/// with errno set (EWOULDBLOCK when another process holds it).
int dossier_try_lock(int fd);

#endif
