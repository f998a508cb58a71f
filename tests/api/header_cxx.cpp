// header_cxx.cpp: pub.h compiles as C++ (extern "C", no C-only syntax)
// and its functions link from C++.
#include "pub.h"

#include <cstring>

int main()
{
	pub_filter f;
	std::memset(&f, 0, sizeof f);
	pub_export_opts o;
	std::memset(&o, 0, sizeof o);
	o.format = PUB_FORMAT_JSON;
	o.filter = f;
	pub_paper_free(nullptr);
	pub_db_free(nullptr);
	return std::strcmp(pub_version(), PUB_VERSION) == 0 && pub_error_code() == 0 ? 0 : 1;
}
