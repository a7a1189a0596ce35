#ifndef STANDOFF_CLIBARCHIVE_SHIM_H
#define STANDOFF_CLIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

/* AE_IFREG and friends are C casts that Swift does not import. */
static const unsigned int standoff_ae_ifmt = 0170000;
static const unsigned int standoff_ae_ifreg = 0100000;
static const unsigned int standoff_ae_ifdir = 0040000;
static const unsigned int standoff_ae_iflnk = 0120000;
static const unsigned int standoff_ae_ifsock = 0140000;
static const unsigned int standoff_ae_ifchr = 0020000;
static const unsigned int standoff_ae_ifblk = 0060000;
static const unsigned int standoff_ae_ififo = 0010000;
#endif
