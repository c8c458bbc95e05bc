#ifndef CHOOKHTTP_H
#define CHOOKHTTP_H

// epoll for HookHTTP's event loops: Swift's Glibc module does not export <sys/epoll.h>. The calls are
// wrapped so that Swift never handles the packed `struct epoll_event`. Elsewhere this header is empty and
// the loops use poll(2).

#ifdef __linux__
#include <stdint.h>

/// Readiness bits, as epoll spells them.
enum {
    CHOOKHTTP_EPOLLIN = 0x001,
    CHOOKHTTP_EPOLLOUT = 0x004,
    CHOOKHTTP_EPOLLERR = 0x008,
    CHOOKHTTP_EPOLLHUP = 0x010,
};

/// A new close-on-exec epoll instance, or -1 with errno set.
int chookhttp_epoll_create(void);

/// Adds (op 1), removes (op 2) or modifies (op 3) `fd`'s interest; 0, or -1 with errno set.
int chookhttp_epoll_ctl(int epfd, int op, int fd, uint32_t events);

/// Waits up to `timeout` ms (-1: forever) for at most `max` events, storing each one's descriptor and bits;
/// the number of events, or -1 with errno set.
int chookhttp_epoll_wait(int epfd, int32_t *fds, uint32_t *events, int max, int timeout);
#endif

#endif
