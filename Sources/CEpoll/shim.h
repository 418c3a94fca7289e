#ifndef DANVAN_CEPOLL_SHIM_H
#define DANVAN_CEPOLL_SHIM_H
// epoll and eventfd for the HTTP server's event loops: Swift's Glibc module maps neither header.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

// accept4 is declared only under _GNU_SOURCE, which Swift's Glibc module is not built with.
extern int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
#endif
