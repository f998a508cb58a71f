/*
 * hugo.h: Hugo Blox page bundles (hugo.c).
 */
#ifndef PUB_EXPORT_HUGO_H
#define PUB_EXPORT_HUGO_H

#include "pub.h"
#include "export/export.h"

/* One bundle per paper of `set` under DIR/content/publications/: index.md
 * (Hugo Blox front matter) and cite.bib (the plain BibTeX of the paper,
 * read from `db`), each written atomically. */
int pub__export_hugo(pub_db *db, const char *dir, const pub__export_set *set);

#endif
