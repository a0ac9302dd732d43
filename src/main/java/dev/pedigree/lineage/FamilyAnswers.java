package dev.pedigree.lineage;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Answers of other modules about large families (e.g. an ecosystem report), kept under
 * the rules of lineage's own family answers: an answer about the families of some roots
 * is dropped when a write of this instance can reach one of them (it links or describes a
 * root or a descendant of one, or names no scope, such as an import), and after
 * {@code pedigree.limits.family-cache-ttl} (writes of other instances); a write elsewhere
 * in the graph leaves it kept.
 */
@Component
public class FamilyAnswers {

	/**
	 * The size (in members) from which a family's answer is worth keeping; smaller
	 * families are cheaper to traverse again.
	 */
	public static final int KEPT_FROM = FamilyIndex.MIN_CACHED;

	private final FamilyIndex families;

	FamilyAnswers(FamilyIndex families) {
		this.families = families;
	}

	/**
	 * The answer for {@code key}: kept while no write reached the families of
	 * {@code roots} (the members' own facts count: an answer may read them), computed
	 * otherwise and kept only when {@code keep} says it was costly enough.
	 * @param key the question, with every argument the answer depends on (records compare
	 * by value; lineage's own keys are of its own types, so they never collide)
	 * @param roots the roots whose families (descendants at any depth) the answer is
	 * derived from
	 */
	public <T> T get(Object key, List<String> roots, Supplier<T> compute, Predicate<T> keep) {
		if (roots.isEmpty()) {
			throw new IllegalArgumentException("An answer about families names at least one root");
		}
		return this.families.memo(key, roots, FamilyIndex.Depends.MODELS, compute, keep);
	}

	/**
	 * As {@link #get(Object, List, Supplier, Predicate)}, but a kept answer that a write
	 * reached is first brought up to date by {@code update}, given the scopes of the
	 * writes since (oldest first: the models each linked and described); its answer is
	 * kept in place of the old one (until the old one's TTL), and null counts it again.
	 * {@code update} must answer exactly what {@code compute} would now, or null.
	 */
	public <T> T get(Object key, List<String> roots, Supplier<T> compute, Predicate<T> keep,
			java.util.function.BiFunction<T, List<dev.pedigree.storage.Graph.Scope>, T> update) {
		if (roots.isEmpty()) {
			throw new IllegalArgumentException("An answer about families names at least one root");
		}
		return this.families.memo(key, roots, FamilyIndex.Depends.MODELS, compute, keep, update);
	}

	/**
	 * The time budget of a statement whose answer about a family may be kept
	 * ({@code pedigree.limits.family-read-timeout}, as for a family's order): it is paid
	 * once, so a cold giant family is not refused where a warm one would be served.
	 */
	public java.time.Duration budget() {
		return this.families.budget();
	}

}
