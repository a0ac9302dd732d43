package dev.pedigree.graphql;

import dev.pedigree.common.Cursors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * The API's one cursor strategy: positions in a stable order ({@link Cursors}). Declaring
 * it also keeps Spring Boot from installing its Spring Data (Window/Slice) connection
 * adapter, which this API does not use and which answers a connection field that failed
 * with an empty connection: its {@code totalCount} then failed a second time, an
 * INTERNAL_ERROR beside the real, classified one. Without it, a failed non-null
 * connection is null and the null reaches the nearest nullable parent, as GraphQL says.
 */
@Configuration(proxyBeanMethods = false)
class PositionCursors implements CursorStrategy<Long> {

	@Bean
	@Primary
	EncodingCursorStrategy<Long> positionCursorStrategy() {
		return CursorStrategy.withEncoder(this, CursorEncoder.noOpEncoder());
	}

	@Override
	public boolean supports(Class<?> targetType) {
		return Long.class.equals(targetType);
	}

	@Override
	public String toCursor(Long position) {
		return Cursors.of(position);
	}

	@Override
	public Long fromCursor(String cursor) {
		// Cursors.after is the position after the cursor's.
		return Cursors.after(cursor) - 1;
	}

}
