/**
 * Private account mapping: two-party private set intersection (PSI) and its cardinality-only form, so two
 * deployments can compute their population matrix without a trusted third party. See {@link
 * dev.ecosystem.psi.PsiSession}.
 */
@NullMarked
package dev.ecosystem.psi;

import org.jspecify.annotations.NullMarked;
