package dev.moderato.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A length limit in characters as people count them, Unicode code points: an emoji is one, not the two UTF-16 units
 * {@code @Size} would count. PostgreSQL's {@code varchar(n)} counts the same way, so what passes here fits the column.
 * (Grapheme clusters would count a family emoji of seven code points as one, and then overflow the column.)
 */
@Documented
@Constraint(validatedBy = CodePoints.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CodePoints {

	int min() default 0;

	int max();

	String message() default "size must be between {min} and {max}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the count; {@code null} is valid (use {@code @NotNull} for that). */
	class Validator implements ConstraintValidator<CodePoints, String> {

		private int min;

		private int max;

		@Override
		public void initialize(CodePoints limits) {
			this.min = limits.min();
			this.max = limits.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			int count = value.codePointCount(0, value.length());
			return count >= this.min && count <= this.max;
		}

	}

}
