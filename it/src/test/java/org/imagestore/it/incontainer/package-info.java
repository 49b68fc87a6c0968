/**
 * In-container tests (Arquillian, Payara remote): the real EAR plus a test module, deployed to the test
 * store's DAS, exercising the EJB, JPA and JMS layers against the real PostgreSQL and broker.
 */
package org.imagestore.it.incontainer;
