/**
 * What every module's requests share: the two refusals
 * ({@link dev.pedigree.common.InvalidInputException},
 * {@link dev.pedigree.common.NotFoundException}), pages
 * ({@link dev.pedigree.common.Page}, {@link dev.pedigree.common.PageRequest},
 * {@link dev.pedigree.common.Cursors}) and the clamps of depth and page size
 * ({@link dev.pedigree.common.Limits}). Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common", allowedDependencies = {})
package dev.pedigree.common;
