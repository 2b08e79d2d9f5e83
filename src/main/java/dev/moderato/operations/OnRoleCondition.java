package dev.moderato.operations;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code moderato.operations.roles} (all roles if unset) contains the role of {@link ConditionalOnRole}.
 */
class OnRoleCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Object role = metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
		return roles(Binder.get(context.getEnvironment())).contains((Role) role);
	}

	static Set<Role> roles(Binder binder) {
		return binder.bind("moderato.operations.roles", Bindable.setOf(Role.class)).orElse(EnumSet.allOf(Role.class));
	}

}
