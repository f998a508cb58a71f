/*
 * fields.c: the field names and entry types BibTeX and biblatex know, so
 * that `edit KEY yaer=1999` can warn ("did you mean 'year'?") and
 * `type=artcle` be refused.
 */
#include "bibtex/fields.h"

#include <stddef.h>
#include <strings.h>

const char *const pub__bib_field_names[] = {
	/* BibTeX (btxdoc) */
	"address", "annote", "author", "booktitle", "chapter", "crossref",
	"edition", "editor", "howpublished", "institution", "journal", "key",
	"month", "note", "number", "organization", "pages", "publisher",
	"school", "series", "title", "type", "volume", "year",
	/* biblatex: data fields */
	"abstract", "addendum", "afterword", "annotation", "annotator",
	"authortype", "bookauthor", "bookpagination", "booksubtitle",
	"booktitleaddon", "commentator", "date", "doi", "editora", "editorb",
	"editorc", "editortype", "editoratype", "editorbtype", "editorctype",
	"eid", "entrysubtype", "eprint", "eprintclass", "eprinttype",
	"eventdate", "eventtitle", "eventtitleaddon", "file", "foreword",
	"holder", "indextitle", "introduction", "isan", "isbn", "ismn", "isrn",
	"issn", "issue", "issuesubtitle", "issuetitle", "issuetitleaddon",
	"iswc", "journalsubtitle", "journaltitle", "journaltitleaddon", "label",
	"language", "library", "location", "mainsubtitle", "maintitle",
	"maintitleaddon", "nameaddon", "origdate", "origlanguage",
	"origlocation", "origpublisher", "origtitle", "pagetotal", "pagination",
	"part", "pubstate", "reprinttitle", "shortauthor", "shorteditor",
	"shorthand", "shorthandintro", "shortjournal", "shortseries",
	"shorttitle", "subtitle", "titleaddon", "translator", "url", "urldate",
	"venue", "version", "volumes",
	/* biblatex: special fields */
	"entryset", "execute", "gender", "langid", "langidopts",
	"ids", "indexsorttitle", "keywords", "options", "presort", "related",
	"relatedoptions", "relatedtype", "relatedstring", "sortkey", "sortname",
	"sortshorthand", "sorttitle", "sortyear", "xdata", "xref",
	/* biblatex: aliases and the fields of its data model's extras */
	"archiveprefix", "pdf", "primaryclass", "urlday", "urlmonth", "urlyear",
	"day", "endday", "endmonth", "endyear", "hyphenation",
	NULL,
};

const char *const pub__bib_type_names[] = {
	/* BibTeX */
	"article", "book", "booklet", "conference", "inbook", "incollection",
	"inproceedings", "manual", "mastersthesis", "misc", "phdthesis",
	"proceedings", "techreport", "unpublished",
	/* biblatex */
	"bookinbook", "collection", "customa", "customb", "customc", "customd",
	"custome", "customf", "dataset", "electronic", "inreference",
	"mvbook", "mvcollection", "mvproceedings", "mvreference", "online",
	"patent", "periodical", "reference", "report", "set", "software",
	"suppbook", "suppcollection", "suppperiodical", "thesis", "www",
	"xdata",
	/* biblatex: types styles support without the standard ones' drivers */
	"artwork", "audio", "bibnote", "commentary", "image", "jurisdiction",
	"legal", "legislation", "letter", "movie", "music", "performance",
	"review", "standard", "video",
	NULL,
};

int pub__bib_name_in(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcasecmp(*list, name) == 0)
			return 1;
	return 0;
}
