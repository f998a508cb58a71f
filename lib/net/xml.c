/*
 * xml.c: the one way libpub parses a service's XML (see xml.h).
 */
#include "net/xml.h"

#include "pub.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int pub__xml_looks_like_html(const char *body, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(body, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && isspace((unsigned char)body[i]))
		i++;
	return (n - i >= 14 && !strncasecmp(body + i, "<!DOCTYPE html", 14)) ||
		(n - i >= 5 && !strncasecmp(body + i, "<html", 5));
}

/* SAX hooks that stop the parse and mark it refused. */
static void refuse(xmlParserCtxtPtr ctxt)
{
	ctxt->_private = (void *)1;
	xmlStopParser(ctxt);
}

static void refuse_dtd(void *vctx, const xmlChar *name, const xmlChar *ext,
	const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	refuse(vctx);
}

static void refuse_entity(void *vctx, const xmlChar *name, int type,
	const xmlChar *pub, const xmlChar *sys, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)pub;
	(void)sys;
	(void)content;
	refuse(vctx);
}

xmlDocPtr pub__xml_parse(const char *body, size_t n, const char *who,
	pub__xml_doctype strict)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;
	if (n > INT32_MAX) {
		pub__error(PUB_EPARSE, "%s: response too large", who);
		return NULL;
	}
	xmlInitParser(); /* once per process; later calls return at once */
	if (!(ctxt = xmlCreateMemoryParserCtxt(body, (int)n))) {
		pub__error(PUB_EPARSE, "%s: cannot parse the response", who);
		return NULL;
	}
	if (strict == PUB__XML_NO_DOCTYPE) {
		ctxt->sax->internalSubset = refuse_dtd;
		ctxt->sax->externalSubset = refuse_dtd;
	} else {
		ctxt->sax->entityDecl = refuse_entity;
	}
	/* NONET, no NOENT, no DTDLOAD/DTDATTR: nothing is fetched or expanded */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
		XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlParseDocument(ctxt);
	if (ctxt->_private) {
		if (strict == PUB__XML_NO_DOCTYPE)
			pub__error(PUB_EPARSE, "%s: response has a DOCTYPE; refusing it "
				"(entities are not allowed)", who);
		else
			pub__error(PUB_EPARSE, "%s: response declares entities; refusing it", who);
	} else if (!ctxt->wellFormed || !ctxt->myDoc) {
		const xmlError *err = xmlCtxtGetLastError(ctxt);
		char msg[256];
		size_t k;
		snprintf(msg, sizeof(msg), "%s", err && err->message ? err->message : "malformed");
		for (k = strlen(msg); k && isspace((unsigned char)msg[k - 1]); k--)
			msg[k - 1] = '\0';
		pub__error(PUB_EPARSE, "%s: malformed or truncated XML (line %d: %s)",
			who, err ? err->line : 0, msg);
	} else {
		doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
	}
	if (ctxt->myDoc)
		xmlFreeDoc(ctxt->myDoc);
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int pub__xml_is(const xmlNode *n, const char *ns, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
		return 0;
	return !ns || (n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns));
}

const xmlNode *pub__xml_child(const xmlNode *p, const char *ns, const char *name)
{
	const xmlNode *c;
	for (c = p->children; c; c = c->next)
		if (pub__xml_is(c, ns, name))
			return c;
	return NULL;
}

char *pub__xml_text(const xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	pub__buf b = PUB__BUF_INIT;
	const char *p;
	int space = 0;
	for (p = c ? (const char *)c : ""; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			pub__buf_putc(&b, ' ');
		space = 0;
		pub__buf_putc(&b, *p);
	}
	xmlFree(c);
	if (!b.len) {
		pub__buf_free(&b);
		return NULL;
	}
	return pub__buf_detach(&b);
}

char *pub__xml_child_text(const xmlNode *p, const char *ns, const char *name)
{
	const xmlNode *c = pub__xml_child(p, ns, name);
	return c ? pub__xml_text(c) : NULL;
}

char *pub__xml_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = NULL;
	if (v && *v)
		s = pub__strdup((const char *)v);
	xmlFree(v);
	return s;
}
