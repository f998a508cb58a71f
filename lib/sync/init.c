/*
 * init.c: pub_init(), the process-wide set-up of the layers below: SQLite's
 * (store/) and libcurl's (net/).  It lives here, above both, because
 * neither layer may call the other.
 */
#include "pub.h"
#include "store/db.h"
#include "net/http.h"

void pub_init(void)
{
	pub__store_init();
	/* a failure here is reported again by the first client that needs it */
	(void)pub__net_init();
}
