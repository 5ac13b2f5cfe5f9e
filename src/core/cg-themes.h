/* cg-themes.h — what customers talk about: themes, their lexicons, matching.
 *
 * A theme is a stable id (contact_frequency …) with a translated label and
 * a lexicon of words and phrases.  Built-in terms live in code; the user's
 * additions and removals are kept in the database (table theme_terms), so
 * an upgrade can improve the built-in lists without losing the user's edits.
 * Adding a term to an id that is not built in makes a theme of the user's.
 *
 * A text mentions a theme when a term of it is found by longest match (see
 * cg-lexicon.h), unless a negation precedes a term that is itself negative
 * (没有打扰, 不再骚扰: the customer says the problem is absent).  Other
 * negated terms still mention the theme (不专业 is about professionalism).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cg-store.h"

G_BEGIN_DECLS

#define CG_THEMES_ERROR (cg_themes_error_quark ())
typedef enum {
  CG_THEMES_ERROR_INVALID,    /* an empty term or theme id, or too many themes */
  CG_THEMES_ERROR_NOT_FOUND,  /* removing a term the theme does not have */
} CgThemesError;
GQuark cg_themes_error_quark (void);

/* Themes a matcher tells apart (bits of a 64-bit mask). */
#define CG_THEMES_MAX 63

typedef struct {
  char     *id;
  char     *label;     /* translated; the id for the user's own themes */
  gboolean  builtin;
  GStrv     terms;     /* in effect: built-in minus removed, plus added */
  GStrv     added;     /* the user's additions */
  GStrv     removed;   /* built-in terms the user removed */
} CgTheme;

void       cg_theme_free            (CgTheme    *theme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgTheme, cg_theme_free)

/** cg_themes_builtin_ids: the built-in theme ids, NULL-terminated, in display order. */
const char *const *cg_themes_builtin_ids (void);
/** cg_themes_get_label: the translated label of a built-in theme, else @id. */
const char *cg_themes_get_label     (const char *id);

/** cg_themes_list: built-in themes first, then the user's by id (CgTheme *). */
GPtrArray *cg_themes_list           (CgStore    *store,
                                     GError    **error);
/** cg_themes_add_term: adds @term to theme @theme (restores a removed built-in term). */
gboolean   cg_themes_add_term       (CgStore    *store,
                                     const char *theme,
                                     const char *term,
                                     GError    **error);
/** cg_themes_remove_term: removes @term from theme @theme (hides a built-in one). */
gboolean   cg_themes_remove_term    (CgStore    *store,
                                     const char *theme,
                                     const char *term,
                                     GError    **error);

typedef struct _CgThemeMatcher CgThemeMatcher;

/* A matcher for @themes (CgTheme *, at most CG_THEMES_MAX; index i is bit i). */
CgThemeMatcher *cg_theme_matcher_new   (GPtrArray      *themes);
void            cg_theme_matcher_free  (CgThemeMatcher *matcher);
/* The mask of themes @text mentions; @covered (optional, gboolean per
 * character of the normalised text) receives which characters a theme
 * term took, negated or not. */
guint64         cg_theme_matcher_match (CgThemeMatcher *matcher,
                                        const gunichar *chars,
                                        glong           n_chars,
                                        gboolean       *covered);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgThemeMatcher, cg_theme_matcher_free)

G_END_DECLS
