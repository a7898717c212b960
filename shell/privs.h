/*
 * shell/privs.h: the least privilege ioshd runs with.
 */
#ifndef IOSH_SHELL_PRIVS_H
#define IOSH_SHELL_PRIVS_H

/* Drop all capabilities but what the daemon needs; 0 or -1. */
int	privs_drop(int plan_only);

#endif
