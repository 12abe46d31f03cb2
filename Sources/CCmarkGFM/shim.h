// The only C in the package: the cmark-gfm core and its GFM extensions.
// Debian ships a pkg-config file for libcmark-gfm only, so the extensions
// library is linked by name in module.modulemap.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
