package dev.pedigree.lineage;

/**
 * Ids as 64-bit hashes, 8 to 16 bytes an id: whether an import may have written an id
 * already. A false yes (two ids, one hash) only costs a look-up in the store; a no is
 * certain.
 */
final class IdHashes {

	/** Open addressing; 0 marks a free slot (a hash of 0 is stored as 1). */
	private long[] slots = new long[1 << 10];

	private int size;

	void add(String id) {
		long hash = hash(id);
		if (insert(this.slots, hash)) {
			this.size++;
			if (this.size * 2 > this.slots.length) {
				long[] bigger = new long[this.slots.length * 2];
				for (long h : this.slots) {
					if (h != 0) {
						insert(bigger, h);
					}
				}
				this.slots = bigger;
			}
		}
	}

	boolean mayContain(String id) {
		long hash = hash(id);
		int mask = this.slots.length - 1;
		for (int i = slot(hash, mask); this.slots[i] != 0; i = (i + 1) & mask) {
			if (this.slots[i] == hash) {
				return true;
			}
		}
		return false;
	}

	private static boolean insert(long[] slots, long hash) {
		int mask = slots.length - 1;
		int i = slot(hash, mask);
		while (slots[i] != 0) {
			if (slots[i] == hash) {
				return false;
			}
			i = (i + 1) & mask;
		}
		slots[i] = hash;
		return true;
	}

	private static int slot(long hash, int mask) {
		return (int) (hash ^ (hash >>> 32)) & mask;
	}

	/** FNV-1a over the id's chars. */
	private static long hash(String id) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < id.length(); i++) {
			h ^= id.charAt(i);
			h *= 0x100000001b3L;
		}
		return (h == 0) ? 1 : h;
	}

}
