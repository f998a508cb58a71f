/*
 * xml.h: parsing a service's XML answer safely (xml.c), for the arXiv Atom
 * feed and DBLP's person pages: nothing fetched, no entity expanded, an
 * HTML error page told apart from XML; and the few node helpers the
 * parsers share.
 */
#ifndef PUB_NET_XML_H
#define PUB_NET_XML_H

#include <stddef.h>
#include <libxml/tree.h>

/* Whether `body` starts (after a BOM and blanks) like an HTML page: the
 * answer services give for 404s and rate limits. */
int pub__xml_looks_like_html(const char *body, size_t n);

/* How strict pub__xml_parse is about a DOCTYPE. */
typedef enum pub__xml_doctype {
	PUB__XML_NO_DOCTYPE = 0, /* any DOCTYPE is refused (arXiv sends none) */
	PUB__XML_NO_ENTITIES,    /* a DOCTYPE may name a DTD (DBLP's does), but
	                            an entity declaration is refused */
} pub__xml_doctype;

/* Parses n bytes into a document (free with xmlFreeDoc), or NULL with
 * PUB_EPARSE and a message starting with `who` ("arXiv", "DBLP: /pid/..."):
 * a refused DOCTYPE or entity, malformed or truncated XML (line and
 * libxml2's words), too large. */
xmlDocPtr pub__xml_parse(const char *body, size_t n, const char *who,
	pub__xml_doctype strict);

/* Node helpers for the parsers.  `ns` is the namespace URI the element
 * must have, NULL for any (DBLP's elements have none). */
int pub__xml_is(const xmlNode *n, const char *ns, const char *name);
/* The first child element `name`, or NULL. */
const xmlNode *pub__xml_child(const xmlNode *p, const char *ns, const char *name);
/* The element's text with whitespace runs collapsed and the ends trimmed;
 * NULL when that leaves nothing.  New string. */
char *pub__xml_text(const xmlNode *n);
/* pub__xml_text of the first child element `name`; NULL when none. */
char *pub__xml_child_text(const xmlNode *p, const char *ns, const char *name);
/* The attribute's value, NULL when absent or empty.  New string. */
char *pub__xml_attr(const xmlNode *n, const char *name);

#endif
