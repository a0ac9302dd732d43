package dev.pedigree.lineage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A record type's components, read and constructed through method handles resolved once
 * per type, so that a fact record's builder, its property map and a view's mapping from a
 * node follow the record's own components instead of repeating them by hand.
 */
final class RecordShape<R extends Record> {

	private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS = Map.of(boolean.class, false, int.class, 0,
			long.class, 0L, double.class, 0.0);

	private final Class<R> type;

	private final RecordComponent[] components;

	private final Map<String, Integer> index = new HashMap<>();

	/**
	 * Accessors typed (Object)Object, so each call is an invokeExact without adaptation.
	 */
	private final MethodHandle[] accessors;

	/** The canonical constructor typed (Object[])Object, arguments in component order. */
	private final MethodHandle constructor;

	private final Object[] blank;

	/** Each component's type, primitives boxed, to check a value that is set. */
	private final Class<?>[] boxed;

	private RecordShape(Class<R> type) {
		this.type = type;
		this.components = type.getRecordComponents();
		this.accessors = new MethodHandle[this.components.length];
		this.blank = new Object[this.components.length];
		this.boxed = new Class<?>[this.components.length];
		Class<?>[] parameterTypes = new Class<?>[this.components.length];
		try {
			var lookup = MethodHandles.lookup();
			for (int i = 0; i < this.components.length; i++) {
				RecordComponent component = this.components[i];
				this.index.put(component.getName(), i);
				parameterTypes[i] = component.getType();
				this.boxed[i] = MethodType.methodType(component.getType()).wrap().returnType();
				this.accessors[i] = lookup.unreflect(component.getAccessor())
					.asType(MethodType.methodType(Object.class, Object.class));
				// A primitive cannot take null: an unset one takes Java's default.
				this.blank[i] = PRIMITIVE_DEFAULTS.get(component.getType());
			}
			this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
				.asSpreader(Object[].class, this.components.length)
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static <R extends Record> RecordShape<R> of(Class<R> type) {
		return new RecordShape<>(type);
	}

	int size() {
		return this.components.length;
	}

	String name(int component) {
		return this.components[component].getName();
	}

	Type genericType(int component) {
		return this.components[component].getGenericType();
	}

	/** The position of a component; an unknown name is a programming error. */
	int index(String name) {
		Integer position = this.index.get(name);
		if (position == null) {
			throw new IllegalArgumentException(this.type.getSimpleName() + " has no component '" + name + "'");
		}
		return position;
	}

	/** The positions of every component except those named. */
	int[] indexesExcept(Set<String> names) {
		return IntStream.range(0, size()).filter(i -> !names.contains(name(i))).toArray();
	}

	Object get(R record, int component) {
		try {
			return (Object) this.accessors[component].invokeExact((Object) record);
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every component's value, in component order. */
	Object[] values(R record) {
		Object[] values = new Object[size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = get(record, i);
		}
		return values;
	}

	/** Arguments with nothing set: null, or a primitive's default. */
	Object[] blank() {
		return this.blank.clone();
	}

	/**
	 * Checks a value against its component's type when it is set, so that a wrong type
	 * names the component instead of failing later in the constructor.
	 */
	Object checked(int component, Object value) {
		if (value == null ? this.components[component].getType().isPrimitive()
				: !this.boxed[component].isInstance(value)) {
			throw new IllegalArgumentException(this.type.getSimpleName() + "." + name(component) + " takes "
					+ this.boxed[component].getSimpleName() + ", not "
					+ (value == null ? "null" : value.getClass().getSimpleName()));
		}
		return value;
	}

	/** The record of these arguments, through the canonical constructor. */
	@SuppressWarnings("unchecked")
	R create(Object[] arguments) {
		try {
			return (R) (Object) this.constructor.invokeExact(arguments);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

}
