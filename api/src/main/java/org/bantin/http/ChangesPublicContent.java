package org.bantin.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a service method that changes what readers see: once it returns (its transaction
 * committed), this instance's cached public responses are dropped. Other instances hear of
 * the change from the database (see org.bantin.database.ContentNotifications).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ChangesPublicContent {
}
