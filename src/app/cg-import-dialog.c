#include "config.h"
#include "cg-import-dialog.h"
void
cg_import_dialog_present (CgWindow *window,
                          GFile    *file)
{
}
