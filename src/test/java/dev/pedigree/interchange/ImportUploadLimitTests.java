package dev.pedigree.interchange;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README: {@code importRecords} "takes uploads up to 10 MiB"; larger ones are refused
 * (BAD_REQUEST on {@code content}) and write nothing.
 */
@PedigreeServerTest
class ImportUploadLimitTests {

	private static final int TEN_MIB = 10 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void an_upload_of_10_mib_is_imported_and_one_character_more_is_refused_writing_nothing() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String accepted = "test/upload-accepted-" + suffix;
		String refused = "test/upload-refused-" + suffix;
		// Blank lines pad the file to size; a CSV import skips them.
		GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "HF_EDGES")
			.variable("content",
					padded("parent_id,child_id,relation\ntest/upload-base-" + suffix + "," + accepted + ",finetune\n",
							TEN_MIB))
			.execute()
			.path("importRecords.created")
			.entity(Integer.class)
			.isEqualTo(1);
		GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "HF_EDGES")
			.variable("content",
					padded("parent_id,child_id,relation\ntest/upload-base-" + suffix + "," + refused + ",finetune\n",
							TEN_MIB + 1))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(e.getExtensions()).containsEntry("field", "content");
				assertThat(e.getMessage()).contains(Integer.toString(TEN_MIB));
			}));
		var models = GraphQlClient.anonymous(this.port)
			.document("query($a: ID!, $r: ID!) { accepted: model(id: $a) { id } refused: model(id: $r) { id } }")
			.variable("a", accepted)
			.variable("r", refused)
			.execute();
		models.path("accepted.id").entity(String.class).isEqualTo(accepted);
		models.path("refused").valueIsNull();
	}

	private static String padded(String csv, int length) {
		return csv + "\n".repeat(length - csv.length());
	}

}
