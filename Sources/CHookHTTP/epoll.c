#include "CHookHTTP.h"

#ifdef __linux__
#include <sys/epoll.h>

int chookhttp_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int chookhttp_epoll_ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event event = {.events = events, .data = {.fd = fd}};
    return epoll_ctl(epfd, op, fd, &event);
}

int chookhttp_epoll_wait(int epfd, int32_t *fds, uint32_t *events, int max, int timeout) {
    struct epoll_event ready[256];
    if (max > 256) max = 256;
    int count = epoll_wait(epfd, ready, max, timeout);
    for (int i = 0; i < count; i++) {
        fds[i] = ready[i].data.fd;
        events[i] = ready[i].events;
    }
    return count;
}
#endif
