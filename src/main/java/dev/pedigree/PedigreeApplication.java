package dev.pedigree;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PedigreeApplication {

	public static void main(String[] args) {
		SpringApplication.run(PedigreeApplication.class, args);
	}

}
